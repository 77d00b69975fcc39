locals {
  # A literal local is a value: containerPort and hostPort below agree.
  api_port = 8080

  # Not literals: built from variables and functions.
  subnet_ids   = concat(var.private_subnet_ids, var.extra_subnet_ids)
  worker_mode  = var.use_ec2 ? "bridge" : "awsvpc"
  worker_ports = [for p in [9000, 9001] : { containerPort = p, hostPort = p + var.container_port }]
}
