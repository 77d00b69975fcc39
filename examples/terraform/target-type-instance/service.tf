resource "aws_ecs_service" "catalog" {
  name            = "catalog"
  cluster         = var.cluster_arn
  propagate_tags  = "SERVICE"
  task_definition = aws_ecs_task_definition.catalog.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets = var.private_subnet_ids
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.http.arn
    container_name   = "catalog"
    container_port   = 8080
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.grpc.arn
    container_name   = "catalog"
    container_port   = 50051
  }
}
