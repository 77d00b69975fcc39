# Every value a check would need here comes from a variable, a condition, a function or an
# instance key: nothing to report, whatever the variables' defaults say.
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = var.network_mode
  requires_compatibilities = ["FARGATE"]
  cpu                      = var.task_cpu
  memory                   = var.task_memory

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = var.image
      essential = true
      portMappings = [
        {
          containerPort = var.container_port
          hostPort      = var.host_port
        }
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  count = var.enable_worker ? 1 : 0

  family                   = "worker"
  network_mode             = local.worker_mode
  requires_compatibilities = var.use_ec2 ? ["EC2"] : ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"

  # Not JSON until Terraform renders it: the port is written without quotes.
  container_definitions = <<DEFINITION
[
  {
    "name": "worker",
    "image": "${var.image}",
    "essential": true,
    "portMappings": [
      { "containerPort": ${var.container_port}, "hostPort": ${var.host_port} }
    ]
  }
]
DEFINITION
}

resource "aws_ecs_task_definition" "sidecar" {
  family                   = "sidecar"
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"

  container_definitions = jsonencode([
    {
      name         = "sidecar"
      image        = var.image
      essential    = true
      portMappings = local.worker_ports
    }
  ])
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name         = "api"
      image        = var.image
      essential    = true
      portMappings = [{ containerPort = local.api_port, hostPort = local.api_port }]
    }
  ])
}

resource "aws_ecs_task_definition" "per_service" {
  for_each = var.services

  family                   = each.key
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = each.value.cpu
  memory                   = each.value.memory

  container_definitions = jsonencode([
    {
      name         = each.key
      image        = each.value.image
      essential    = true
      portMappings = [for p in each.value.ports : { containerPort = p, hostPort = p }]
    }
  ])
}
