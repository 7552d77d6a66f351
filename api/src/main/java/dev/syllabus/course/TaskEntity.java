package dev.syllabus.course;

import dev.syllabus.content.TaskKind;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity(name = "Task")
public class TaskEntity extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "homework_id")
    public HomeworkEntity homework;

    public int position;

    @Column(length = 20)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public TaskKind kind;

    @Column(length = 2000)
    public String title;

    public boolean optional;
}
