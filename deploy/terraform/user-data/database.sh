#!/bin/bash
# Production database host: PostgreSQL 16 on the attached gp3 volume. TimescaleDB is not in the
# Amazon Linux repositories: bake it into the AMI (docs/runbook.md); without it the platform uses
# its plain-PostgreSQL path automatically.
set -euo pipefail
dnf install -y postgresql16-server amazon-cloudwatch-agent
while [ ! -e /dev/nvme1n1 ] && [ ! -e /dev/sdf ]; do sleep 2; done
dev=$(ls /dev/nvme1n1 2>/dev/null || echo /dev/sdf)
blkid "$dev" || mkfs.xfs "$dev"
mkdir -p /var/lib/pgsql && mount "$dev" /var/lib/pgsql
echo "$dev /var/lib/pgsql xfs defaults,nofail 0 2" >> /etc/fstab
chown postgres:postgres /var/lib/pgsql
postgresql-setup --initdb
echo "listen_addresses = '*'" >> /var/lib/pgsql/data/postgresql.conf
echo "hostssl kdp kdp 10.0.0.0/8 scram-sha-256" >> /var/lib/pgsql/data/pg_hba.conf
systemctl enable --now postgresql
