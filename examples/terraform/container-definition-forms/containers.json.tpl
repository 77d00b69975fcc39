[
  {
    "name": "cache",
    "image": "${image}",
    "memory": 1024,
    "essential": true,
    "portMappings": [{ "containerPort": 6379, "hostPort": 50000, "protocol": "tcp" }],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": { "awslogs-group": "${log_group}", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "cache" }
    }
  }
]
