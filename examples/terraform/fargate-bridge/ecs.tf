# A worker moved from EC2 to Fargate without its networking being rethought.
resource "aws_ecs_task_definition" "legacy_worker" {
  family                   = "legacy-worker"
  network_mode             = "bridge"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "4096"
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name     = "worker"
      image    = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:2"
      hostname = "worker"
      portBindings = [
        { containerPort = 9000 }
      ]
      portMappings = [
        {
          containerPort = "9000"
          hostPort      = 9000
        }
      ]
    }
  ])
}
