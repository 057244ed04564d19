package io.tsunagu.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Departments extends JpaRepository<Department, Long> {

	@EntityGraph(attributePaths = { "parent", "head", "officer" })
	Optional<Department> findByCode(String code);

	@EntityGraph(attributePaths = { "parent", "head", "officer" })
	List<Department> findAllByOrderByCode();

	@Query("""
			select new io.tsunagu.directory.DepartmentRow(d.code, d.name, d.nameEn, p.code, p.name, p.nameEn,
			    h.code, h.name, o.code, o.name,
			    (select count(e) from Employee e where e.department = d and e.active = true))
			from Department d left join d.parent p left join d.head h left join d.officer o
			order by d.code""")
	List<DepartmentRow> overview();

}
