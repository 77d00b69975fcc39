# A call into a public module: its inputs are not resources, so nothing here is checked, not even
# the Fargate size and network mode that would be wrong on a task definition.
module "payments" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "~> 7.0"

  name        = "payments"
  cluster_arn = data.aws_ecs_cluster.shared.arn

  cpu                      = 256
  memory                   = 4096
  network_mode             = "bridge"
  requires_compatibilities = ["FARGATE"]

  container_definitions = {
    payments = {
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:1.0.0"
      portMappings = [
        { containerPort = 8080, hostPort = 80, protocol = "tcp" }
      ]
    }
  }

  subnet_ids = var.private_subnet_ids
}
