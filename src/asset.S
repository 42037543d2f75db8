/* asset.S: the bundled interview, compiled into the binary. */
	.section .rodata
	.global asset_interview
	.global asset_interview_len
	.balign 16
asset_interview:
	.incbin "assets/interview.txt"
asset_interview_end:
	.balign 8
asset_interview_len:
	.quad asset_interview_end - asset_interview
	.section .note.GNU-stack,"",%progbits
