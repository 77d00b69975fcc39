# container_definitions written as JSON in a heredoc.
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]

  container_definitions = <<-EOT
    [
      {
        "name": "api",
        "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:7.1.0",
        "memory": 512,
        "essential": true,
        "hostname": "api",
        "portMappings": [{ "containerPort": 3000, "protocol": "tcp" }]
      }
    ]
  EOT
}

# The same form with a plain heredoc and nothing wrong: hostPort equals containerPort under awsvpc.
resource "aws_ecs_task_definition" "admin" {
  family                   = "admin"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]

  container_definitions = <<EOF
[
  {
    "name": "admin",
    "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/admin:2.0.3",
    "memory": 256,
    "essential": true,
    "portMappings": [{ "containerPort": 8443, "hostPort": 8443, "protocol": "tcp" }]
  }
]
EOF
}
