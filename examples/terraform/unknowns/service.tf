resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = data.aws_ecs_cluster.shared.arn
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets = local.subnet_ids
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = var.container_port
  }
}

resource "aws_ecs_service" "worker" {
  count = var.enable_worker ? 1 : 0

  name            = "worker"
  cluster         = data.aws_ecs_cluster.shared.arn
  task_definition = aws_ecs_task_definition.worker[0].arn
  desired_count   = 1
  launch_type     = var.use_ec2 ? "EC2" : "FARGATE"

  network_configuration {
    subnets          = aws_subnet.private[*].id
    assign_public_ip = var.assign_public_ip
  }
}

# The task definition is awsvpc, and the network configuration comes from a dynamic block:
# whether it is there is decided when Terraform runs.
resource "aws_ecs_service" "api" {
  name                   = "api"
  cluster                = data.aws_ecs_cluster.shared.arn
  enable_execute_command = true
  task_definition        = aws_ecs_task_definition.api.arn
  desired_count          = 40
  launch_type            = "FARGATE"

  dynamic "network_configuration" {
    for_each = length(local.subnet_ids) > 0 ? [local.subnet_ids] : []
    content {
      subnets = network_configuration.value
    }
  }

  dynamic "load_balancer" {
    for_each = var.target_groups
    content {
      target_group_arn = load_balancer.value.arn
      container_name   = "api"
      container_port   = load_balancer.value.port
    }
  }
}

resource "aws_ecs_service" "per_service" {
  for_each = var.services

  name            = each.key
  cluster         = data.aws_ecs_cluster.shared.arn
  task_definition = aws_ecs_task_definition.per_service[each.key].arn
  desired_count   = each.value.count
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = data.aws_subnets.private.ids
    assign_public_ip = var.assign_public_ip
  }
}
