# What the policy does not understand is never allowed: constructs it cannot
# see through, and programs it has no knowledge of. Ecosystem tools the facts
# describe (`c.tool`) are known; their unknown subcommands ask in tools.rego.
package paladin

import rego.v1

ask contains {"id": "unknown.construct", "reason": u.detail, "command_index": u.command_index} if {
	some u in input.unknown
}

ask contains hit(c, "unknown.program", sprintf("Paladin's policy does not know what %s does.", [c.program])) if {
	some c in input.commands
	c.program != ""
	not known_program(c.program)
	not defined_function(c.program)
	not c.tool
}

known_program(p) if p in read_only_programs

known_program(p) if p in understood_programs

known_program(p) if startswith(p, ":")

defined_function(p) if {
	some f in input.functions
	f.name == p
}

# Programs that only read, print or compute, as far as their effects are
# described in the facts (writes through redirections and options are still seen).
read_only_programs := {
	"ls", "dir", "vdir", "cat", "head", "tail", "less", "more", "most", "grep", "egrep", "fgrep", "rg", "ag", "ack", "wc", "sort", "uniq", "cut", "tr",
	"diff", "cmp", "comm", "file", "stat", "du", "df", "find", "tree", "echo", "printf", "pwd", "which", "whereis", "type", "date", "cal", "uptime",
	"whoami", "id", "uname", "hostname", "env", "printenv", "ps", "pstree", "pgrep", "top", "htop", "free", "vmstat", "iostat", "basename", "dirname",
	"realpath", "readlink", "md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum", "cksum", "sum", "od", "xxd",
	"hexdump", "strings", "nl", "tac", "rev", "column", "paste", "join", "fold", "fmt", "expand", "unexpand", "seq", "true", "false", "test", "[",
	"sleep", "jq", "yq", "awk", "gawk", "mawk", "nawk", "sed", "cd", "pushd", "popd", "dirs", "export", "declare", "local", "readonly", "typeset",
	"set", "unset", "shift", ":", "command", "builtin", "hash", "help", "man", "whatis", "apropos", "info", "locate", "lsblk", "lscpu", "lsof",
	"w", "who", "last", "groups", "nproc", "arch", "getconf", "tput", "history", "base64", "base32", "basenc", "iconv", "numfmt", "expr", "bc",
	"factor", "tee", "yes", "read", "return", "exit", "break", "continue", "wait", "jobs", "exec", "shopt", "umask", "ulimit", "getopts",
	"let", "time", "times", "trap", "alias", "unalias", "logname", "users", "tty", "stty", "look", "xargs", "zcat", "zgrep", "zless", "bzcat",
	"xzcat", "zdiff", "sdiff", "diff3", "colordiff", "wdiff", "shuf", "tsort", "ptx", "pr", "mktemp", "tempfile", "lsattr",
	"getfacl", "namei", "pathchk", "nohup", "timeout", "nice", "locale", "dmesg", "journalctl", "lsmod", "lspci", "lsusb",
	"netstat", "ss", "identify", "pdfinfo", "ffprobe", "mediainfo", "watch",
	"git", "dig", "host", "nslookup", "ping", "ping6", "traceroute", "tracepath", "whois", "json_pp", "ncal", "bat", "exa", "eza", "cowsay", "fortune", "banner",
	"figlet", "crontab", "mount", "strace", "ltrace",
	"nm", "objdump", "readelf", "size", "hd", "unzip", "zipinfo", "busybox", "sha1", "md5", "shasum", "uuidgen", "diffstat",
}

# Programs whose effects on files, the network and other programs the facts describe.
understood_programs := {
	"rm", "rmdir", "unlink", "shred", "touch", "mkdir", "mkfifo", "mknod", "truncate", "fallocate", "cp", "mv", "ln", "link", "install", "rsync",
	"scp", "sftp", "chmod", "chown", "chgrp", "chattr", "setfacl", "gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "zstd", "unzstd",
	"compress", "uncompress", "lzma", "unlzma", "tar", "bsdtar", "zip", "dd", "curl", "wget", "nc", "ncat", "netcat", "socat", "ssh", "telnet",
	"ftp", "sudo", "doas", "su", "pkexec", "runuser", "sudoedit", "sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "csh", "tcsh",
	"python", "python2", "python3", "perl", "ruby", "node", "nodejs", "php", "lua", "Rscript", "eval", "source", ".", "shutdown", "reboot",
	"halt", "poweroff", "init", "kexec", "at", "batch", "nsenter", "unshare", "chroot", "setcap", "capsh", "useradd", "usermod", "userdel",
	"passwd", "chpasswd", "visudo", "mkfs", "fdisk", "parted", "wipefs", "mkswap", "umount", "losetup", "swapon", "swapoff", "sysctl", "insmod",
	"modprobe", "rmmod", "killall5", "unzip",
}
