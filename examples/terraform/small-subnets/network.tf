# Two /26 subnets: 59 usable addresses each, 118 in all.
resource "aws_subnet" "batch_a" {
  vpc_id            = var.vpc_id
  cidr_block        = "10.1.0.0/26"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "batch_b" {
  vpc_id            = var.vpc_id
  cidr_block        = "10.1.0.64/26"
  availability_zone = "eu-west-1b"
}

resource "aws_security_group" "workers" {
  name        = "report-worker"
  description = "Outbound only"
  vpc_id      = var.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
