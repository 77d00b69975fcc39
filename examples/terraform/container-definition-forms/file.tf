# container_definitions read from a JSON file beside this one: its mistakes are reported there.
resource "aws_ecs_task_definition" "node_exporter" {
  family                   = "node-exporter"
  network_mode             = "host"
  requires_compatibilities = ["EC2"]

  container_definitions = file("containers.json")
}
