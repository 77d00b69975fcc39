variable "network_mode" {
  description = "Network mode of the app task definition."
  type        = string
  default     = "bridge"
}

variable "use_ec2" {
  description = "Run the worker on the EC2 cluster instead of Fargate."
  type        = bool
  default     = false
}

variable "enable_worker" {
  description = "Create the worker at all."
  type        = bool
  default     = true
}

variable "image" {
  description = "Image of the app container."
  type        = string
}

variable "container_port" {
  description = "Port the containers listen on."
  type        = number
  default     = 8080
}

variable "host_port" {
  description = "Host port of the app container."
  type        = number
  default     = 80
}

variable "task_cpu" {
  description = "Task-level CPU units of the app."
  type        = number
  default     = 256
}

variable "task_memory" {
  description = "Task-level memory (MiB) of the app."
  type        = number
  default     = 4096
}

variable "vpc_cidr" {
  description = "CIDR of the VPC the subnets are cut from."
  type        = string
  default     = "10.20.0.0/16"
}

variable "vpc_id" {
  description = "VPC of the subnets and target groups."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets for task ENIs."
  type        = list(string)
}

variable "extra_subnet_ids" {
  description = "More subnets for task ENIs."
  type        = list(string)
  default     = []
}

variable "assign_public_ip" {
  description = "Give the per-service tasks public addresses."
  type        = bool
  default     = true
}

variable "target_type" {
  description = "Target type of the app's target group."
  type        = string
  default     = "instance"
}

variable "target_groups" {
  description = "Target groups the api service registers with, by name."
  type = map(object({
    arn  = string
    port = number
  }))
  default = {}
}

variable "services" {
  description = "Small services that all look alike, by name."
  type = map(object({
    image  = string
    cpu    = number
    memory = number
    count  = number
    ports  = list(number)
  }))
  default = {}
}
