package paladin_test

import rego.v1

test_devices_write if "devices.write" in fired(facts([cmd({"program": "dd", "writes": [p("/dev/sda", ["device"])]})]))

test_devices_write_not_null if not "devices.write" in fired(facts([cmd({"program": "echo", "writes": [p("/dev/null", ["pseudo-device"])]})]))

test_devices_format if "devices.format" in fired(facts([cmd({"program": "mkfs.ext4"})]))

test_devices_format_plain if "devices.format" in fired(facts([cmd({"program": "wipefs"})]))

test_devices_format_not_ls if not "devices.format" in fired(facts([cmd({"program": "lsblk"})]))

test_devices_mount if "devices.mount" in fired(facts([cmd({"program": "mount", "args": ["/dev/sda1", "/mnt"]})]))

test_devices_mount_listing_is_fine if not "devices.mount" in fired(facts([cmd({"program": "mount"})]))

test_devices_umount if "devices.mount" in fired(facts([cmd({"program": "umount", "args": ["/mnt"]})]))

test_devices_read if "devices.read" in fired(facts([cmd({"program": "dd", "reads": [p("/dev/sda", ["device"])]})]))

test_devices_read_not_urandom if not "devices.read" in fired(facts([cmd({"program": "head", "reads": [p("/dev/urandom", ["pseudo-device"])]})]))
