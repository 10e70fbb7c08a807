# Each gatherer serves Prometheus metrics on its admin port 8780 (/metrics) and health on /health.
# The CloudWatch agent on each gatherer scrapes /metrics into CloudWatch (namespace "kdp",
# dimension gatherer; user-data/gatherer.sh.tftpl); the alarms below cover what must wake someone
# up. The deduplicator's metrics are not scraped yet (its admin endpoint is not built).

resource "aws_cloudwatch_log_group" "kdp" {
  for_each          = toset(["gatherer", "dedup", "database"])
  name              = "/${var.name}/${each.key}"
  retention_in_days = 30
}

resource "aws_sns_topic" "alarms" {
  name = "${var.name}-alarms"
}

resource "aws_cloudwatch_metric_alarm" "instance_status" {
  for_each = merge(
    { for i, g in aws_instance.gatherer : "gatherer-${local.gatherer_ids[i]}" => g.id },
    { dedup = aws_instance.dedup.id },
  )
  alarm_name          = "${var.name}-${each.key}-status-check"
  namespace           = "AWS/EC2"
  metric_name         = "StatusCheckFailed"
  dimensions          = { InstanceId = each.value }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "gatherer_silent" {
  for_each            = toset(local.gatherer_ids)
  alarm_name          = "${var.name}-gatherer-${each.key}-silent"
  alarm_description   = "Gatherer ${each.key} received no frame on some connection for 2 minutes, or its metrics stopped"
  namespace           = "kdp"
  metric_name         = "kdp_gatherer_last_message_age_seconds"
  dimensions          = { gatherer = each.key }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 120
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "dedup_lag" {
  alarm_name          = "${var.name}-dedup-lag"
  alarm_description   = "Production is more than 5 minutes behind the newest gatherer row"
  namespace           = "kdp"
  metric_name         = "kdp_dedup_gatherer_lag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 300
  comparison_operator = "GreaterThanThreshold"
  # "missing" until the deduplicator's metrics are scraped: "breaching" would alarm from day one.
  treat_missing_data = "missing"
  alarm_actions      = [aws_sns_topic.alarms.arn]
}
