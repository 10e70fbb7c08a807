# Amazon Linux 2023 on ARM64: Java 21 (Corretto) and PostgreSQL 16 come from its own repositories,
# which are served from S3 and so reachable through the gateway endpoint.
data "aws_ssm_parameter" "al2023_arm64" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

locals {
  gatherer_ids = ["a", "b", "c"]
  common_vars = {
    bucket           = aws_s3_bucket.archive.bucket
    distribution_key = var.distribution_key
    region           = var.region
  }
}

resource "aws_instance" "gatherer" {
  count         = 3
  ami           = data.aws_ssm_parameter.al2023_arm64.value
  instance_type = var.gatherer_instance_type
  subnet_id     = aws_subnet.public[count.index].id
  # A fixed address per zone: a replaced gatherer comes back where the deduplicator looks for it.
  private_ip             = cidrhost(aws_subnet.public[count.index].cidr_block, 10)
  vpc_security_group_ids = [aws_security_group.gatherer.id]
  iam_instance_profile   = aws_iam_instance_profile.profile["gatherer"].name
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_type = "gp3"
    volume_size = var.gatherer_volume_gb
    encrypted   = true
  }
  user_data = templatefile("${path.module}/user-data/gatherer.sh.tftpl", merge(local.common_vars, {
    gatherer_id        = local.gatherer_ids[count.index]
    key_id             = var.kalshi_api_key_id
    key_secret_arn     = var.kalshi_api_key_secret_arn
    reader_secret_arn  = var.dedup_reader_password_secret_arn
    kalshi_environment = var.kalshi_environment
    vpc_cidr           = var.vpc_cidr
    log_group          = aws_cloudwatch_log_group.kdp["gatherer"].name
  }))
  tags = { Name = "${var.name}-gatherer-${local.gatherer_ids[count.index]}", Role = "gatherer" }
}

resource "aws_instance" "dedup" {
  ami                    = data.aws_ssm_parameter.al2023_arm64.value
  instance_type          = var.dedup_instance_type
  subnet_id              = aws_subnet.public[0].id
  vpc_security_group_ids = [aws_security_group.dedup.id]
  iam_instance_profile   = aws_iam_instance_profile.profile["dedup"].name
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_type = "gp3"
    volume_size = 50
    encrypted   = true
  }
  user_data = templatefile("${path.module}/user-data/dedup.sh.tftpl", merge(local.common_vars, {
    gatherer_hosts        = join(",", aws_instance.gatherer[*].private_ip)
    gatherer_ids          = join(",", local.gatherer_ids)
    database_host         = local.database_host
    production_user       = local.production_user
    production_secret_arn = local.production_secret_arn
    reader_secret_arn     = var.dedup_reader_password_secret_arn
  }))
  tags = { Name = "${var.name}-dedup", Role = "dedup" }
  # No internet egress: its packages, the tarball and the secrets come through the endpoints.
  depends_on = [aws_vpc_endpoint.s3, aws_vpc_endpoint.interface]
}
