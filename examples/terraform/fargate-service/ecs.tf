resource "aws_ecs_cluster" "production" {
  name = "production"
}

resource "aws_ecs_task_definition" "orders_api" {
  family                   = "orders-api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:${var.image_tag}"
      essential = true
      portMappings = [
        {
          containerPort = 8080
          protocol      = "tcp"
          appProtocol   = "http"
          name          = "api-http"
        }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/orders-api"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "api"
        }
      }
    },
    {
      name      = "metrics"
      image     = "public.ecr.aws/aws-observability/aws-otel-collector:latest"
      essential = false
      portMappings = [
        {
          containerPort = 4317
          protocol      = "tcp"
        }
      ]
    }
  ])
}
