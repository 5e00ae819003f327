/**
 * AWS EC2 instance types in us-east-1 (Linux, shared tenancy): shape, EKS max pods and hourly
 * prices in USD. On-demand prices are exact Price List figures; the few reserved figures are a
 * third-party approximation and say so. Sources and caveats: ./README.md.
 */
import type { InstancePrice, InstanceTypeEntry } from './types.js';

const ON_DEMAND_SOURCE =
  'AWS Price List API, us-east-1 Linux on-demand, as generated into aws/karpenter-provider-aws ' +
  'pkg/providers/pricing/zz_generated.pricing_aws.go ("generated at 2026-01-19T13:23:24Z for us-east-1", commit 031e72b6); read 2026-11-22';

const RESERVED_SOURCE =
  'approximate, third party: cloudcalcep.com "Reserved Instances & Savings Plans" guide, table "1-yr RI (No Upfront)" ' +
  '("Prices are approximate US East (us-east-1) Linux rates"; every row is on-demand −35%); not verified against the AWS Price List; read 2026-11-22';

const SHAPE_SOURCE =
  'vCPU and memory (GiB): AWS EC2 instance type specifications as repeated in third-party tables (gist zaynelt/58cc9e42: m5.large 2/8, ' +
  'm5.xlarge 4/16, c5.xlarge 4/8; public EC2 tables in GitHub code listing m5.2xlarge 8/32 and c5.large 2/4; cloudcalcep.com: t3.medium 2/4, m5.xlarge 4/16, r5.2xlarge 8/64, from which r5.large 2/16 and r5.xlarge 4/32 ' +
  'follow the family ratio); not read from aws.amazon.com directly. ' +
  'maxPods: awslabs/amazon-eks-ami files/eni-max-pods.txt (generated 2023-01-25, commit 02343f9b; ENIs × (IPv4 per ENI − 1) + 2, VPC CNI without prefix delegation); read 2026-11-22';

const onDemand = (pricePerHour: number): InstancePrice => ({ kind: 'onDemand', pricePerHour, term: 'On-Demand, per second with a 60 s minimum', source: ON_DEMAND_SOURCE });

const reserved = (pricePerHour: number): InstancePrice => ({
  kind: 'reserved',
  pricePerHour,
  term: '1-year Standard Reserved Instance, No Upfront (effective hourly)',
  source: RESERVED_SOURCE,
});

const ec2 = (name: string, vcpu: number, memoryGiB: number, maxPods: number, prices: InstancePrice[]): InstanceTypeEntry => ({
  name,
  provider: 'aws',
  region: 'us-east-1',
  os: 'Linux',
  vcpu,
  memoryGiB,
  maxPods,
  currency: 'USD',
  prices,
  source: SHAPE_SOURCE,
});

/** A few common EKS node types. Spot has no bundled price (it moves hourly): give it in the scenario. */
export const AWS_EC2_US_EAST_1: readonly InstanceTypeEntry[] = Object.freeze([
  ec2('t3.medium', 2, 4, 17, [onDemand(0.0416), reserved(0.0272)]),
  ec2('m5.large', 2, 8, 29, [onDemand(0.096)]),
  ec2('m5.xlarge', 4, 16, 58, [onDemand(0.192), reserved(0.125)]),
  ec2('m5.2xlarge', 8, 32, 58, [onDemand(0.384)]),
  ec2('c5.large', 2, 4, 29, [onDemand(0.085)]),
  ec2('c5.xlarge', 4, 8, 58, [onDemand(0.17)]),
  ec2('r5.large', 2, 16, 29, [onDemand(0.126)]),
  ec2('r5.xlarge', 4, 32, 58, [onDemand(0.252)]),
]);
