resource "aws_ecs_task_definition" "report_worker" {
  family                   = "report-worker"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/report-worker:3"
      essential = true
    }
  ])
}
