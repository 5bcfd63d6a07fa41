AVOIDABLE_CONTEXTS = ("screen", "children", "physical")
