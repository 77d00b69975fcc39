variable "vpc_id" {
  description = "VPC of the batch subnets."
  type        = string
}

variable "cluster_arn" {
  description = "Cluster the report workers run in."
  type        = string
}
