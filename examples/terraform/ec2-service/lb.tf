resource "aws_lb_target_group" "api" {
  name        = "api"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = "vpc-0123456789abcdef0"
  target_type = "instance"
}
