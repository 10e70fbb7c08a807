# Production database. Amazon RDS does not offer the TimescaleDB extension, so there are two modes:
#  - self_managed_timescaledb: PostgreSQL on EC2; install TimescaleDB from Timescale's packages
#    (bake an AMI with it, see docs/runbook.md). Without the extension the platform runs the same
#    schema on plain PostgreSQL (daily partitions, rollup tables) — chosen automatically.
#  - rds_postgres: managed PostgreSQL (no TimescaleDB): backups and failover by AWS, plain
#    PostgreSQL path of the platform. Timescale Cloud is the managed alternative with the extension.

locals {
  self_managed  = var.database_mode == "self_managed_timescaledb"
  database_host = local.self_managed ? aws_instance.database[0].private_ip : aws_db_instance.production[0].address
  # The deduplicator writes production as kdp (self-managed) or as the RDS master user, whose
  # password RDS keeps in its own secret (JSON with "password").
  production_user       = local.self_managed ? "kdp" : "kdp_admin"
  production_secret_arn = local.self_managed ? var.production_password_secret_arn : aws_db_instance.production[0].master_user_secret[0].secret_arn
}

resource "aws_instance" "database" {
  count                  = local.self_managed ? 1 : 0
  ami                    = data.aws_ssm_parameter.al2023_arm64.value
  instance_type          = var.database_instance_type
  subnet_id              = aws_subnet.public[1].id
  vpc_security_group_ids = [aws_security_group.database.id]
  iam_instance_profile   = aws_iam_instance_profile.profile["database"].name
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_type = "gp3"
    volume_size = 30
    encrypted   = true
  }
  lifecycle {
    precondition {
      condition     = var.production_password_secret_arn != ""
      error_message = "database_mode = self_managed_timescaledb needs production_password_secret_arn (a Secrets Manager secret with role kdp's password)."
    }
  }
  user_data = templatefile("${path.module}/user-data/database.sh.tftpl", {
    production_secret_arn = var.production_password_secret_arn
    region                = var.region
    vpc_cidr              = var.vpc_cidr
  })
  tags = { Name = "${var.name}-database", Role = "database" }
  # No internet egress: its packages and its secret come through the endpoints.
  depends_on = [aws_vpc_endpoint.s3, aws_vpc_endpoint.interface]
}

resource "aws_ebs_volume" "database" {
  count             = local.self_managed ? 1 : 0
  availability_zone = local.zones[1]
  size              = var.database_volume_gb
  type              = "gp3"
  encrypted         = true
  tags              = { Name = "${var.name}-database-data" }
}

resource "aws_volume_attachment" "database" {
  count       = local.self_managed ? 1 : 0
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.database[0].id
  instance_id = aws_instance.database[0].id
}

resource "aws_db_subnet_group" "production" {
  count      = local.self_managed ? 0 : 1
  name       = "${var.name}-production"
  subnet_ids = aws_subnet.public[*].id
}

resource "aws_db_instance" "production" {
  count                       = local.self_managed ? 0 : 1
  identifier                  = "${var.name}-production"
  engine                      = "postgres"
  engine_version              = "17"
  instance_class              = var.rds_instance_class
  allocated_storage           = var.database_volume_gb
  storage_type                = "gp3"
  storage_encrypted           = true
  db_name                     = "kdp_production"
  username                    = "kdp_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.production[0].name
  vpc_security_group_ids      = [aws_security_group.database.id]
  publicly_accessible         = false
  backup_retention_period     = 7
  deletion_protection         = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "${var.name}-production-final"
}
