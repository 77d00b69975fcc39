data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ecs_cluster" "shared" {
  cluster_name = "shared"
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [var.vpc_id]
  }
}

# Small subnets whose size is computed: capacity cannot be counted.
resource "aws_subnet" "private" {
  count = 2

  vpc_id            = var.vpc_id
  cidr_block        = cidrsubnet(var.vpc_cidr, 12, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_lb_target_group" "app" {
  name        = "app"
  port        = var.container_port
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = var.target_type
}
