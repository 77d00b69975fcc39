[
  {
    "name": "app",
    "image": "${registry}/legacy-app:3.9",
    "memory": 512,
    "essential": true,
    "links": ["db"],
    "portMappings": [{ "containerPort": 8000 }]
  },
  {
    "name": "db",
    "image": "${registry}/legacy-db:11",
    "memory": 1024,
    "essential": true
  }
]
