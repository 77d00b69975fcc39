variable "registry" {
  description = "ECR registry the images come from."
  type        = string
  default     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
}

variable "log_group" {
  description = "CloudWatch Logs group of every container here."
  type        = string
  default     = "/ecs/forms"
}
