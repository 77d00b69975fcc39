variable "cluster_name" {
  description = "Name of the EC2 cluster the service runs on."
  type        = string
  default     = "production"
}
