package io.baton.followup;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyAnswerRepository extends JpaRepository<SurveyAnswer, String> {}
