variable "env" {
  type    = string
  default = "staging"
}

locals {
  name = "orders-${var.env}"
}

resource "aws_db_instance" "primary" {
  identifier        = local.name
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  multi_az          = true
  availability_zone = "eu-west-1a"
}

resource "aws_db_instance" "replica" {
  identifier          = "${local.name}-replica"
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = "db.r6g.large"
  availability_zone   = "eu-west-1b"
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "payments"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "node" {
  count              = 3
  identifier         = "payments-${count.index}"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.r6g.large"
  promotion_tier     = 1
}

resource "aws_rds_cluster_instance" "big" {
  identifier         = "payments-big"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.r6g.4xlarge"
  promotion_tier     = 1
}
