package io.tsunagu.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Employees extends JpaRepository<Employee, Long>, JpaSpecificationExecutor<Employee> {

	// Join fetches written out rather than entity graphs: Hibernate keeps the plan of a query with an
	// entity graph for no second execution and translates it anew every time (a tenth of a page's CPU).
	@Query("select e from Employee e join fetch e.department left join fetch e.reportsTo where e.code = :code")
	Optional<Employee> findByCode(String code);

	@Query("select e from Employee e join fetch e.department where lower(e.email) = lower(:email)")
	Optional<Employee> findByEmailIgnoreCase(String email);

	@Query("select e from Employee e join fetch e.department where e.id = :id")
	Optional<Employee> findWithDepartmentById(long id);

	@Override
	@EntityGraph(attributePaths = "department")
	Page<Employee> findAll(Specification<Employee> specification, Pageable pageable);

	@Query("select e from Employee e join fetch e.department where e.reportsTo = :manager order by e.code")
	List<Employee> findByReportsToOrderByCode(Employee manager);

	@Query("select e from Employee e join fetch e.department where e.rank = io.tsunagu.directory.Rank.EXECUTIVE and e.active = true order by e.code")
	List<Employee> findActiveExecutives();

	boolean existsByIdAndActiveTrue(long id);

}
