data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

locals {
  roles = toset(["gatherer", "dedup", "database"])
}

resource "aws_iam_role" "role" {
  for_each           = local.roles
  name               = "${var.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy_attachment" "ssm" {
  for_each   = local.roles
  role       = aws_iam_role.role[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy_attachment" "cloudwatch_agent" {
  for_each   = local.roles
  role       = aws_iam_role.role[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
}

resource "aws_iam_instance_profile" "profile" {
  for_each = local.roles
  name     = "${var.name}-${each.key}"
  role     = aws_iam_role.role[each.key].name
}

# Every role may fetch the distribution tarball.
data "aws_iam_policy_document" "distribution" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.archive.arn}/${var.distribution_key}"]
  }
}

resource "aws_iam_role_policy" "distribution" {
  for_each = local.roles
  name     = "distribution"
  role     = aws_iam_role.role[each.key].id
  policy   = data.aws_iam_policy_document.distribution.json
}

# Gatherers read the Kalshi private key (nothing else does) and the reader role's password.
data "aws_iam_policy_document" "gatherer_secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.kalshi_api_key_secret_arn, var.dedup_reader_password_secret_arn]
  }
}

resource "aws_iam_role_policy" "gatherer_secret" {
  name   = "kalshi-api-key"
  role   = aws_iam_role.role["gatherer"].id
  policy = data.aws_iam_policy_document.gatherer_secret.json
}

# The deduplicator is the only writer of the archive.
data "aws_iam_policy_document" "dedup_archive" {
  statement {
    actions   = ["s3:ListBucket", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"]
    resources = [aws_s3_bucket.archive.arn]
  }
  statement {
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.archive.arn}/raw/*", "${aws_s3_bucket.archive.arn}/processed/*", "${aws_s3_bucket.archive.arn}/aggregates/*"]
  }
}

resource "aws_iam_role_policy" "dedup_archive" {
  name   = "archive"
  role   = aws_iam_role.role["dedup"].id
  policy = data.aws_iam_policy_document.dedup_archive.json
}

# The deduplicator reads the reader role's password and the production password.
data "aws_iam_policy_document" "dedup_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.dedup_reader_password_secret_arn, local.production_secret_arn]
  }
}

resource "aws_iam_role_policy" "dedup_secrets" {
  name   = "database-passwords"
  role   = aws_iam_role.role["dedup"].id
  policy = data.aws_iam_policy_document.dedup_secrets.json
}

# The self-managed database host sets role kdp's password from its secret.
data "aws_iam_policy_document" "database_secret" {
  count = local.self_managed ? 1 : 0
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.production_password_secret_arn]
  }
}

resource "aws_iam_role_policy" "database_secret" {
  count  = local.self_managed ? 1 : 0
  name   = "production-password"
  role   = aws_iam_role.role["database"].id
  policy = data.aws_iam_policy_document.database_secret[0].json
}
