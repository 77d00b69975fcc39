/**
 * A CloudFormation template of any size for protocol and memory tests: `trios` of task definition,
 * service and target group, the way a stack of many small services looks. Deterministic, with a few
 * planted mistakes so the diagnostics are not empty.
 */
export function serviceStackTemplate(trios: number): string {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < trios; i++) {
    const name = `Svc${String(i).padStart(3, '0')}`;
    const port = 8000 + (i % 50);
    // Every seventh trio registers awsvpc tasks in an `instance` target group; every eleventh maps a different host port.
    const targetType = i % 7 === 3 ? 'instance' : 'ip';
    const hostPort = i % 11 === 5 ? port + 1 : port;
    resources[`${name}Task`] = {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: `svc-${i}`,
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        Cpu: '512',
        Memory: '1024',
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        ContainerDefinitions: [
          {
            Name: 'app',
            Image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc-${i}:1.${i}.0`,
            Essential: true,
            PortMappings: [{ ContainerPort: port, HostPort: hostPort, Protocol: 'tcp' }],
            Environment: [
              { Name: 'SERVICE_NAME', Value: `svc-${i}` },
              { Name: 'LOG_LEVEL', Value: 'info' },
            ],
          },
        ],
      },
    };
    resources[`${name}Targets`] = {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: { Name: `svc-${i}-tg`, Protocol: 'HTTP', Port: port, VpcId: 'vpc-0123456789abcdef0', TargetType: targetType },
    };
    resources[`${name}Service`] = {
      Type: 'AWS::ECS::Service',
      Properties: {
        Cluster: 'apps',
        LaunchType: 'FARGATE',
        DesiredCount: 2 + (i % 3),
        TaskDefinition: { Ref: `${name}Task` },
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            Subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b1c2d3e4f5a60718'],
            SecurityGroups: ['sg-0123456789abcdef0'],
            AssignPublicIp: 'DISABLED',
          },
        },
        LoadBalancers: [{ TargetGroupArn: { Ref: `${name}Targets` }, ContainerName: 'app', ContainerPort: port }],
      },
    };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2) + '\n';
}
