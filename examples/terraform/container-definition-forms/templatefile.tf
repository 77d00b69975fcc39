# container_definitions rendered from a template file with templatefile().
resource "aws_ecs_task_definition" "cache" {
  family                   = "cache"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]

  container_definitions = templatefile("${path.module}/containers.json.tpl", {
    image     = "${var.registry}/cache:6.2"
    log_group = var.log_group
  })
}
