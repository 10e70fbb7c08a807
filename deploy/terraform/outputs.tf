output "gatherer_private_ips" {
  description = "Gatherers a, b and c (one per availability zone)."
  value       = zipmap(local.gatherer_ids, aws_instance.gatherer[*].private_ip)
}

output "gatherer_instance_ids" {
  description = "For `aws ssm start-session --target ...`."
  value       = zipmap(local.gatherer_ids, aws_instance.gatherer[*].id)
}

output "dedup_instance_id" {
  value = aws_instance.dedup.id
}

output "database_host" {
  description = "Production database host (reachable from the deduplicator only)."
  value       = local.database_host
}

output "archive_bucket" {
  value = aws_s3_bucket.archive.bucket
}

output "alarm_topic_arn" {
  description = "Subscribe an e-mail or pager to this SNS topic."
  value       = aws_sns_topic.alarms.arn
}
