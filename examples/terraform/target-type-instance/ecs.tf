resource "aws_ecs_task_definition" "catalog" {
  family                   = "catalog"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1024"
  memory                   = "2048"

  container_definitions = jsonencode([
    {
      name      = "catalog"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/catalog:5.0.1"
      essential = true
      portMappings = [
        { containerPort = 8080, protocol = "tcp", name = "http" },
        { containerPort = 50051, protocol = "tcp", name = "grpc" }
      ]
    }
  ])
}
