variable "name" {
  description = "Name prefix of every resource."
  type        = string
  default     = "kdp"
}

variable "region" {
  description = "AWS region; it must have at least three availability zones."
  type        = string
  default     = "us-east-1"
}

variable "vpc_cidr" {
  description = "CIDR of the VPC; one /24 public subnet per zone is cut from it."
  type        = string
  default     = "10.42.0.0/16"
}

variable "gatherer_instance_type" {
  description = "Instance type of the three gatherers (ARM64)."
  type        = string
  default     = "t4g.2xlarge"
}

variable "gatherer_volume_gb" {
  description = "gp3 root volume of each gatherer: local time-series and metadata databases plus the raw frame journal."
  type        = number
  default     = 200
}

variable "dedup_instance_type" {
  description = "Instance type of the deduplicator (ARM64)."
  type        = string
  default     = "t4g.xlarge"
}

variable "database_mode" {
  description = "Production database: 'self_managed_timescaledb' (EC2 running PostgreSQL + TimescaleDB) or 'rds_postgres' (Amazon RDS, which has no TimescaleDB: the platform falls back to plain PostgreSQL partitions and rollup tables)."
  type        = string
  default     = "self_managed_timescaledb"
  validation {
    condition     = contains(["self_managed_timescaledb", "rds_postgres"], var.database_mode)
    error_message = "database_mode must be self_managed_timescaledb or rds_postgres."
  }
}

variable "database_instance_type" {
  description = "EC2 instance type of the self-managed TimescaleDB (ARM64)."
  type        = string
  default     = "r7g.large"
}

variable "database_volume_gb" {
  description = "gp3 data volume of the production database."
  type        = number
  default     = 500
}

variable "rds_instance_class" {
  description = "RDS instance class when database_mode = rds_postgres."
  type        = string
  default     = "db.r7g.large"
}

variable "archive_bucket_name" {
  description = "Name of the S3 archive bucket (raw/, processed/, aggregates/). Must be globally unique."
  type        = string
}

variable "distribution_key" {
  description = "S3 key, inside the archive bucket, of the kdp distribution tarball the instances install at boot."
  type        = string
  default     = "dist/kdp-dist.tar.gz"
}

variable "kalshi_api_key_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the Kalshi API private key (PEM). Each gatherer writes it to /etc/kdp/kalshi-key.pem with mode 0400 at boot."
  type        = string
}

variable "dedup_reader_password_secret_arn" {
  description = "ARN of the Secrets Manager secret (plain string) with the password of kdp_dedup_reader, the read-only role the deduplicator uses on each gatherer's database."
  type        = string
}

variable "production_password_secret_arn" {
  description = "ARN of the Secrets Manager secret (plain string) with the password of role kdp on the self-managed production database. Ignored with database_mode = rds_postgres (RDS manages the master password in its own secret)."
  type        = string
  default     = ""
}

variable "kalshi_api_key_id" {
  description = "The Kalshi API key id (not secret)."
  type        = string
}

variable "kalshi_environment" {
  description = "Kalshi hosts the gatherers collect from: production or demo."
  type        = string
  default     = "production"
}
