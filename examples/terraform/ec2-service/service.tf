resource "aws_ecs_service" "api" {
  name             = "api"
  cluster          = var.cluster_name
  launch_type      = "EC2"
  platform_version = "1.4.0"
  task_definition  = aws_ecs_task_definition.api.arn
  desired_count    = 3

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60718"]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = 80
  }
}
