# The form older modules use: a template_file data source, rendered into container_definitions.
data "template_file" "legacy" {
  template = file("${path.module}/legacy-containers.json.tpl")

  vars = {
    registry = var.registry
  }
}

resource "aws_ecs_task_definition" "legacy" {
  family                   = "legacy"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]

  container_definitions = data.template_file.legacy.rendered
}
