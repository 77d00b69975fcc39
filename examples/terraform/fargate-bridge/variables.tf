variable "execution_role_arn" {
  description = "Role the ECS agent uses to pull the image and write logs."
  type        = string
  default     = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
}
