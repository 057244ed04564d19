package io.tsunagu.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Departments extends JpaRepository<Department, Long> {

	// Join fetches written out rather than entity graphs: Hibernate keeps the plan of a query with an
	// entity graph for no second execution and translates it anew every time (a tenth of a page's CPU).
	@Query("select d from Department d left join fetch d.parent left join fetch d.head left join fetch d.officer where d.code = :code")
	Optional<Department> findByCode(String code);

	@Query("select new io.tsunagu.directory.DepartmentRef(d.code, d.name, d.nameEn) from Department d order by d.code")
	List<DepartmentRef> refs();

	@Query("select new io.tsunagu.directory.DepartmentRef(d.code, d.name, d.nameEn) from Department d where d.code = :code")
	Optional<DepartmentRef> ref(String code);

	@Query("""
			select new io.tsunagu.directory.DepartmentRow(d.code, d.name, d.nameEn, p.code, p.name, p.nameEn,
			    h.code, h.name, o.code, o.name,
			    (select count(e) from Employee e where e.department = d and e.active = true))
			from Department d left join d.parent p left join d.head h left join d.officer o
			order by d.code""")
	List<DepartmentRow> overview();

}
