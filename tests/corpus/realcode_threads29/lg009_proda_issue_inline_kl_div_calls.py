"""positive [LG009]: an issue's prose quotes two F.kl_div calls, both without reduction; the student is probabilities in one."""

# Source: https://github.com/microsoft/ProDA/issues/20 ("question about the loss formulation of kl_div"): the reporter
# writes "Usually people use loss_kd = F.kl_div(student.log(), teacher), but here you are giving loss_kd =
# F.kl_div(student, teacher)"; the maintainer answers that the student should be `F.log_softmax(target_out['out'],
# dim=1)` ("It's a bug"). The inline code re-typed as statements, in the order written; nothing else is shown, so what
# `student` holds in the second call is not in the snippet (only the default reduction is).
loss_kd = F.kl_div(student.log(), teacher)  # expect: LG009
loss_kd = F.kl_div(student, teacher)  # expect: LG009
