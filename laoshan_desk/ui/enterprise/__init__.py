"""一企一档: the enterprise page every role can open (its sections follow the role)."""
