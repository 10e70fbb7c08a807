# Who may talk to whom (DESIGN.md topology):
#   gatherers    -> Kalshi only (HTTPS/WSS); read by the deduplicator (PostgreSQL, metrics)
#   deduplicator -> the gatherers' databases, the production database and S3 only
#   database     <- the deduplicator only
# Kalshi publishes no IP ranges, so "Kalshi only" is HTTPS to any address; restrict further with
# an egress proxy or AWS Network Firewall domain rules if your policy requires it.

data "aws_ec2_managed_prefix_list" "s3" {
  name = "com.amazonaws.${var.region}.s3"
}

resource "aws_security_group" "gatherer" {
  name        = "${var.name}-gatherer"
  description = "Gatherers: out to Kalshi over HTTPS; in from the deduplicator only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "dedup" {
  name        = "${var.name}-dedup"
  description = "Deduplicator: out to gatherer databases, production database and S3 only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "database" {
  name        = "${var.name}-database"
  description = "Production database: in from the deduplicator only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-endpoints"
  description = "VPC interface endpoints (SSM, CloudWatch, Secrets Manager)"
  vpc_id      = aws_vpc.main.id
}

# --- gatherers
resource "aws_vpc_security_group_egress_rule" "gatherer_kalshi" {
  security_group_id = aws_security_group.gatherer.id
  description       = "Kalshi REST and WebSocket (HTTPS/WSS); no published IP ranges"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "gatherer_pg_from_dedup" {
  security_group_id            = aws_security_group.gatherer.id
  description                  = "Deduplicator reads the gatherer databases (read-only role)"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.dedup.id
}

resource "aws_vpc_security_group_ingress_rule" "gatherer_admin_from_dedup" {
  security_group_id            = aws_security_group.gatherer.id
  description                  = "Health and Prometheus metrics, scraped from the deduplicator host"
  ip_protocol                  = "tcp"
  from_port                    = 8780
  to_port                      = 8780
  referenced_security_group_id = aws_security_group.dedup.id
}

# --- deduplicator
resource "aws_vpc_security_group_egress_rule" "dedup_to_gatherers" {
  for_each                     = { pg = 5432, admin = 8780 }
  security_group_id            = aws_security_group.dedup.id
  description                  = "Gatherer ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = aws_security_group.gatherer.id
}

resource "aws_vpc_security_group_egress_rule" "dedup_to_database" {
  security_group_id            = aws_security_group.dedup.id
  description                  = "Production database"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database.id
}

resource "aws_vpc_security_group_egress_rule" "dedup_to_s3" {
  security_group_id = aws_security_group.dedup.id
  description       = "S3 through the gateway endpoint (archive, distribution, OS packages)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.s3.id
}

resource "aws_vpc_security_group_egress_rule" "dedup_to_endpoints" {
  security_group_id            = aws_security_group.dedup.id
  description                  = "SSM, CloudWatch, Secrets Manager endpoints"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}

# --- database
resource "aws_vpc_security_group_ingress_rule" "database_from_dedup" {
  security_group_id            = aws_security_group.database.id
  description                  = "The deduplicator, the only writer of production"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.dedup.id
}

resource "aws_vpc_security_group_egress_rule" "database_to_s3" {
  security_group_id = aws_security_group.database.id
  description       = "OS packages and backups through the S3 gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_ec2_managed_prefix_list.s3.id
}

resource "aws_vpc_security_group_egress_rule" "database_to_endpoints" {
  security_group_id            = aws_security_group.database.id
  description                  = "SSM and CloudWatch endpoints"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}

# --- endpoints
resource "aws_vpc_security_group_ingress_rule" "endpoints_from_vpc" {
  security_group_id = aws_security_group.endpoints.id
  description       = "HTTPS from the instances of this VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}
