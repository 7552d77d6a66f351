package dev.syllabus.course;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

@Entity(name = "Week")
public class WeekEntity extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public CourseEntity course;

    public int number;

    @Column(length = 300)
    public String title;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String goal;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String topics;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String lectures;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String webinar;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String sections;

    @OneToMany(mappedBy = "week", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<HomeworkEntity> homework = new ArrayList<>();
}
