resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsVpc"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name   = "api"
      image  = "nginx"
      memory = 512
      portMappings = [
        {
          containerPort = 8080
          hostPort      = 80
        }
      ]
    }
  ])
}
