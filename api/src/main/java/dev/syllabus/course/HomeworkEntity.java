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

@Entity(name = "Homework")
public class HomeworkEntity extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "week_id")
    public WeekEntity week;

    public int position;

    @Column(length = 20)
    public String code;

    @Column(length = 300)
    public String title;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String summary;

    @Column(length = CourseEntity.JSON_LENGTH)
    public String reading;

    @Column(length = 2000)
    public String passText;

    public int requiredPrs;

    public boolean instructorApproval;
    /** The homework's own 'Due:' rule as text; null when the course's default applies. */
    @Column(length = 100)
    public String dueRule;

    @OneToMany(mappedBy = "homework", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TaskEntity> tasks = new ArrayList<>();
}
