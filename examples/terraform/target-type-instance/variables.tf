variable "vpc_id" {
  description = "VPC of the load balancer and the tasks."
  type        = string
}

variable "cluster_arn" {
  description = "Cluster the catalog service runs in."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets for the task ENIs."
  type        = list(string)
}
