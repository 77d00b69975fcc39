terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
    # Only for the data "template_file" in template-file.tf; the provider is archived, and
    # templatefile() replaces it.
    template = {
      source  = "hashicorp/template"
      version = "~> 2.2"
    }
  }
}
