variable "vpc_id" {
  description = "VPC that holds the service subnets and the load balancer."
  type        = string
}

variable "image_tag" {
  description = "Tag of the orders-api image to deploy."
  type        = string
  default     = "1.4.2"
}
