package dev.syllabus.content;

public record PassCriterion(String text, int requiredPrs, int listedPrs, boolean instructorApproval) {}
